import { useEffect, useMemo, useState } from 'react';
import type { MetricSeriesDto } from '@architech/contracts';
import { useRunSource } from '../run-source';
import { queryKey, type SeriesQuery } from './chart-catalog';
import { batchQueries, groupForRequests, splitBatchAnswer } from './metric-batches';

/** The answers to a set of series queries, by {@link queryKey}. */
export type SeriesAnswers = ReadonlyMap<string, readonly MetricSeriesDto[]>;

/** Which part of the run to fetch, and how finely. */
export interface SeriesWindow {
  readonly fromSec?: number;
  readonly toSec?: number;
  /** Points per series: about the chart's width in pixels, more would not be seen. */
  readonly maxPoints: number;
}

/** The series of a dashboard: the last complete answer stays on screen while the next one loads. */
export interface SeriesState {
  readonly answers: SeriesAnswers | undefined;
  readonly loading: boolean;
  /** Whether the answers on screen were fetched while refreshing (a run in progress): a finished run's verdict waits for an answer fetched after it finished. */
  readonly answeredLive: boolean | undefined;
  readonly error: unknown;
  readonly retry: () => void;
}

/**
 * Fetches every query — one batch per metric ({@link batchQueries}), all of them in one
 * `POST …/metrics/batch` request unless the API's limits split them ({@link groupForRequests}) —
 * again when the window changes, and every `refreshMs` after the previous answer while `refreshMs`
 * is set (a run in progress). Without a window (the charts' width is not known yet) nothing is
 * fetched. A refresh waits for the previous one, so a slow server is never asked twice at once.
 */
export function useMetricSeries(simulationId: string, queries: readonly SeriesQuery[], range: SeriesWindow | undefined, refreshMs: number | undefined): SeriesState {
  const [answers, setAnswers] = useState<SeriesAnswers>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [answeredLive, setAnsweredLive] = useState<boolean>();
  const [round, setRound] = useState(0);
  const key = useMemo(() => queries.map(queryKey).join(','), [queries]);
  const fromSec = range?.fromSec;
  const toSec = range?.toSec;
  const maxPoints = range?.maxPoints;
  const source = useRunSource();

  useEffect(() => {
    if (maxPoints === undefined) return;
    const controller = new AbortController();
    let timer: number | undefined;
    setLoading(true);
    Promise.all(
      groupForRequests(batchQueries(queries), maxPoints).map((group) =>
        source
          .metricBatch(simulationId, { queries: group.map((batch) => ({ metric: batch.metric, component: batch.components && [...batch.components] })), from: fromSec, to: toSec, maxPoints }, controller.signal)
          .then((results) => {
            const entries = group.flatMap((batch, i) => splitBatchAnswer(batch, results[i] ?? []));
            if (!controller.signal.aborted) setAnswers((previous) => new Map([...(previous ?? []), ...entries]));
          }),
      ),
    ).then(
      () => {
        if (controller.signal.aborted) return;
        setError(undefined);
        setLoading(false);
        setAnsweredLive(refreshMs !== undefined);
        if (refreshMs !== undefined) timer = window.setTimeout(() => setRound((r) => r + 1), refreshMs);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      controller.abort();
      if (timer !== undefined) window.clearTimeout(timer);
    };
    // `key` stands for `queries`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, simulationId, key, fromSec, toSec, maxPoints, refreshMs, round]);

  return { answers, loading, answeredLive, error, retry: () => setRound((r) => r + 1) };
}
