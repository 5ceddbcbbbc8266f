import { useState } from 'react';
import type { DraftProblem } from '../../../shared/model/draft';
import { call } from '../../api/client';
import { sentence } from '../../lib/format';

/** "The file was kept as …": a person (or support) can find the file that failed to open. */
const detail = (problem: DraftProblem): string => `${sentence(problem.reason)} The file was kept as ${problem.keptAs}.`;

type Outcome = { kind: 'recovered'; message: string } | { kind: 'failed'; message: string } | null;

interface Props {
  problems: DraftProblem[];
  /** A draft came back: the list should show it (main's change event usually does this too). */
  onRecovered?: () => void;
}

/**
 * Draft files that could not be read. They were set aside, never overwritten; saying so plainly
 * tells the journalist nothing is lost and where to look. A draft with a good version kept beside
 * it can be brought back from the newest one.
 */
export function ProblemsPanel({ problems, onRecovered }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const recover = async (problem: DraftProblem) => {
    setBusy(problem.id);
    setOutcome(null);
    try {
      const draft = await call('drafts.recover', { id: problem.id });
      const headline = draft.article.headline.trim() === '' ? 'The draft' : `“${draft.article.headline.trim()}”`;
      setOutcome({ kind: 'recovered', message: `${headline} is back, from its last good version. The damaged file stays where it was kept.` });
      onRecovered?.();
    } catch (error) {
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : 'The draft could not be recovered.' });
    } finally {
      setBusy(null);
    }
  };

  // The success line outlives the problem it solved: the list reloads without it.
  const said =
    outcome === null ? null : outcome.kind === 'failed' ? (
      <p role="alert" className="error-text">
        {outcome.message}
      </p>
    ) : (
      <p role="status">{outcome.message}</p>
    );
  if (problems.length === 0) return said;

  const recoverButton = (problem: DraftProblem) =>
    problem.recoverable === true && (
      <button type="button" disabled={busy !== null} onClick={() => void recover(problem)}>
        Recover from the last good version
      </button>
    );
  const [only] = problems;
  return (
    <div className="warning-panel">
      {problems.length === 1 && only ? (
        <>
          <p role="status">{`1 draft could not be opened: ${detail(only)}`}</p>
          {recoverButton(only)}
        </>
      ) : (
        <>
          <p role="status">{problems.length} drafts could not be opened:</p>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.id}-${problem.keptAs}`}>
                {detail(problem)} {recoverButton(problem)}
              </li>
            ))}
          </ul>
        </>
      )}
      {said}
    </div>
  );
}
