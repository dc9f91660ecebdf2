import { useState, type FormEvent } from 'react';
import { DEFAULT_SHARE_LINK_DAYS, MAX_SHARE_LINK_DAYS, type ShareLinkDto } from '@architech/contracts';
import { describeError } from '../../api/api-error';
import { shareLinksApi } from '../../api/shared';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { Modal } from '../../ui/modal';
import { toast } from '../../ui/toasts';
import { useAsync } from '../../ui/use-async';
import './share.css';

/**
 * The run page's "Share" dialog (editors and owners; docs/sharing.md): make a read-only link with
 * an expiry, copy it (its address is shown this once: only a hash of the token is kept), and see
 * and revoke the run's links with their expiry and how often each was opened.
 */
export function ShareDialog({ simulationId, open, onClose }: { simulationId: string; open: boolean; onClose: () => void }) {
  const links = useAsync((signal) => (open ? shareLinksApi.list(simulationId, signal) : Promise.resolve(undefined)), [simulationId, open]);
  const [days, setDays] = useState(String(DEFAULT_SHARE_LINK_DAYS));
  const [created, setCreated] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await shareLinksApi.create(simulationId, Number(days));
      setCreated(new URL(answer.path, window.location.origin).href);
      links.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created);
      toast('Link copied.');
    } catch {
      toast('Copy refused by the browser: select the link and copy it.', 'error');
    }
  };
  const revoke = async (link: ShareLinkDto) => {
    try {
      await shareLinksApi.revoke(simulationId, link.id);
      toast('Link revoked: it now answers “expired or revoked”.');
      links.reload();
    } catch (e) {
      toast(`Not revoked: ${describeError(e)}`, 'error');
    }
  };
  const close = () => {
    setCreated(undefined);
    setError(undefined);
    onClose();
  };

  return (
    <Modal title="Share this run" open={open} onClose={close}>
      <p className="muted">Anyone with the link sees this run’s dashboard, replay, traces and logs, read-only and without an account, until it expires or you revoke it.</p>
      <form className="row share-form" onSubmit={(e) => void create(e)}>
        <label>
          Expires after (days)
          <input type="number" name="expiresInDays" min={1} max={MAX_SHARE_LINK_DAYS} step={1} value={days} onChange={(e) => setDays(e.target.value)} required />
        </label>
        <button className="primary" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create link'}
        </button>
      </form>
      {error !== undefined && <ErrorMessage error={error} />}
      {created && (
        <div className="stack share-created">
          <label>
            New link (shown only now)
            <input readOnly value={created} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <div className="row">
            <button type="button" onClick={() => void copy()}>
              Copy link
            </button>
          </div>
        </div>
      )}
      <h3>Links of this run</h3>
      {links.status === 'error' ? (
        <ErrorMessage error={links.error} onRetry={links.reload} />
      ) : links.value === undefined ? (
        <Loading label="Loading the links…" />
      ) : links.value.length === 0 ? (
        <p className="muted">No links yet.</p>
      ) : (
        <table className="share-links" aria-label="Share links">
          <thead>
            <tr>
              <th>Created</th>
              <th>Expires</th>
              <th>Opened</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {links.value.map((link) => (
              <tr key={link.id} data-state={link.state}>
                <td>{formatDate(link.createdAt)}</td>
                <td>{formatDate(link.expiresAt)}</td>
                <td>
                  {link.accessCount} {link.accessCount === 1 ? 'time' : 'times'}
                  {link.lastAccessAt && <span className="muted"> (last {formatDate(link.lastAccessAt)})</span>}
                </td>
                <td>{link.state === 'revoked' ? `revoked ${formatDate(link.revokedAt!)}` : link.state}</td>
                <td>
                  {link.state === 'active' && (
                    <button type="button" className="danger" onClick={() => void revoke(link)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        <span className="spacer" />
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}
