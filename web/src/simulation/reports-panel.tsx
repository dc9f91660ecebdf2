import { useEffect, useState } from 'react';
import type { DeliverableDto, DeliverableListResponse, DeliverableRequest } from '@architech/contracts';
import { describeError } from '../api/api-error';
import { deliverablesApi, type ReportOwner } from '../api/deliverables';
import { sharedRunApi } from '../api/shared';
import { ErrorMessage } from '../ui/feedback';
import { formatDate } from '../ui/format';
import { toast } from '../ui/toasts';
import { useAsync } from '../ui/use-async';
import './reports-panel.css';

/** How often the list is read again while a report is generating. */
const POLL_MS = 1000;

const TYPE_LABELS: Record<DeliverableDto['type'], string> = {
  'run-report-html': 'Run report (HTML)',
  'run-report-pdf': 'Run report (PDF)',
  'check-report-html': 'Check report (HTML)',
  'check-report-pdf': 'Check report (PDF)',
};

function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Props of {@link ReportsPanel}. */
export interface ReportsPanelProps {
  /** The run or the check run reported on. */
  readonly owner: ReportOwner;
  /** Why no report can be made yet (an unfinished run), or undefined when one can. */
  readonly notReady?: string;
  /** Editors and owners generate reports; viewers list and download them. */
  readonly canGenerate: boolean;
  /** Read through this share link (the shared run page): list and download only, no account. */
  readonly shareToken?: string;
}

/**
 * The reports of a run or a check run (deliverables, docs/reports.md): generate an HTML or PDF report, follow
 * its progress, download it; each row says its status, size, when it was made, when retention
 * deletes it, and how often it was downloaded. Where the server has no Chromium, the PDF button
 * is disabled with the reason.
 */
export function ReportsPanel({ owner, notReady, canGenerate, shareToken }: ReportsPanelProps) {
  const { kind, id } = owner;
  const list = useAsync((signal) => (shareToken === undefined ? deliverablesApi.list({ kind, id }, signal) : sharedRunApi(shareToken).deliverables(signal)), [kind, id, shareToken]);
  const [asking, setAsking] = useState<DeliverableRequest['format']>();
  const deliverables = list.value?.deliverables ?? [];
  const generating = deliverables.some((d) => d.status === 'generating');
  const { reload } = list;
  useEffect(() => {
    if (!generating) return;
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [generating, reload]);

  const generate = async (format: DeliverableRequest['format']) => {
    setAsking(format);
    try {
      await deliverablesApi.generate(owner, format);
      reload();
    } catch (e) {
      toast(`No report: ${describeError(e)}`, 'error');
    } finally {
      setAsking(undefined);
    }
  };
  const download = async (d: DeliverableDto) => {
    try {
      await (shareToken === undefined ? deliverablesApi.download(owner, d) : sharedRunApi(shareToken).downloadDeliverable(d));
      reload();
    } catch (e) {
      toast(`Not downloaded: ${describeError(e)}`, 'error');
      reload();
    }
  };

  const pdf = list.value?.pdf;
  const why = notReady !== undefined ? notReady : !canGenerate ? 'Viewers can download reports; editors generate them.' : undefined;
  return (
    <details className="card reports-panel" open={deliverables.length > 0 || undefined}>
      <summary>
        <strong id={`reports-title-${id}`}>Reports</strong> <span className="muted">{deliverables.length === 0 ? 'none yet' : `${deliverables.length} report${deliverables.length === 1 ? '' : 's'}`}</span>
      </summary>
      <section className="stack" aria-labelledby={`reports-title-${id}`}>
        {shareToken === undefined && (
          <ReportActions why={why} asking={asking} pdf={pdf} generate={(format) => void generate(format)} />
        )}
        {shareToken !== undefined && deliverables.length === 0 && list.status !== 'loading' && <p className="muted">No report of this run has been made; whoever shared it can generate one.</p>}
        {list.status === 'error' && <ErrorMessage error={list.error} onRetry={reload} />}
        {deliverables.length > 0 && (
          <table className="reports-table" aria-label="Reports">
            <thead>
              <tr>
                <th>Type</th>
                <th>Status</th>
                <th className="num">Size</th>
                <th>Created</th>
                <th>Expires</th>
                <th className="num">Downloads</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {deliverables.map((d) => (
                <tr key={d.id}>
                  <td>{TYPE_LABELS[d.type]}</td>
                  <td>
                    <DeliverableStatus deliverable={d} />
                  </td>
                  <td className="num">{formatBytes(d.sizeBytes)}</td>
                  <td>{formatDate(d.createdAt)}</td>
                  <td>{d.status === 'expired' ? `expired ${d.expiredAt ? formatDate(d.expiredAt) : ''}` : d.expiresAt ? formatDate(d.expiresAt) : 'kept'}</td>
                  <td className="num">{d.downloadCount}</td>
                  <td>
                    {d.status === 'ready' && (
                      <button onClick={() => void download(d)} aria-label={`Download ${TYPE_LABELS[d.type]} of ${formatDate(d.createdAt)}`}>
                        Download
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </details>
  );
}

/** The generate buttons, with why they are disabled (unfinished run, viewer, no Chromium). */
function ReportActions({ why, asking, pdf, generate }: { why: string | undefined; asking: DeliverableRequest['format'] | undefined; pdf: DeliverableListResponse['pdf'] | undefined; generate: (format: DeliverableRequest['format']) => void }) {
  return (
    <>
      <div className="row">
        <button className="primary" disabled={why !== undefined || asking !== undefined} onClick={() => generate('html')}>
          {asking === 'html' ? 'Asking…' : 'Generate report (HTML)'}
        </button>
        <button disabled={why !== undefined || asking !== undefined || pdf?.available !== true} title={pdf?.available === false ? pdf.reason : undefined} onClick={() => generate('pdf')}>
          {asking === 'pdf' ? 'Asking…' : 'Generate report (PDF)'}
        </button>
      </div>
      {why && <p className="muted">{why}</p>}
      {pdf?.available === false && <p className="muted" role="note">PDF unavailable: {pdf.reason}</p>}
    </>
  );
}

function DeliverableStatus({ deliverable: d }: { deliverable: DeliverableDto }) {
  switch (d.status) {
    case 'generating':
      return (
        <span className="row" role="status">
          <progress max={100} value={d.progress} aria-label="Report progress" /> {d.progress}% {d.stage && <span className="muted">{d.stage}</span>}
        </span>
      );
    case 'ready':
      return <span className="badge ok-badge">ready</span>;
    case 'failed':
      return (
        <span>
          <span className="badge danger-badge">failed</span> <span className="muted">{d.error}</span>
        </span>
      );
    case 'expired':
      return (
        <span>
          <span className="badge">expired</span> <span className="muted">content deleted by retention</span>
        </span>
      );
  }
}
