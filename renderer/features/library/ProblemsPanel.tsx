import type { DraftProblem } from '../../../shared/model/draft';
import { sentence } from '../../lib/format';

/** "The file was kept as …": a person (or support) can find the file that failed to open. */
const detail = (problem: DraftProblem): string => `${sentence(problem.reason)} The file was kept as ${problem.keptAs}.`;

/**
 * Draft files that could not be read. They were set aside, never overwritten; saying so plainly
 * tells the journalist nothing is lost and where to look.
 */
export function ProblemsPanel({ problems }: { problems: DraftProblem[] }) {
  if (problems.length === 0) return null;
  const [only] = problems;
  if (problems.length === 1 && only) {
    return (
      <div className="warning-panel" role="status">
        <p>{`1 draft could not be opened: ${detail(only)}`}</p>
      </div>
    );
  }
  return (
    <div className="warning-panel" role="status">
      <p>{problems.length} drafts could not be opened:</p>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.id}-${problem.keptAs}`}>{detail(problem)}</li>
        ))}
      </ul>
    </div>
  );
}
