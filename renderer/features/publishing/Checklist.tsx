import type { ReadinessProblem } from '../../../shared/model/readiness';
import type { HouseProfileLoad } from '../editor/fields/useHouseProfile';

interface Props {
  id: string;
  houseProfile: HouseProfileLoad;
  problems: readonly ReadinessProblem[];
}

/**
 * What the house rules still want before the story may go out ("Before publishing"). The main
 * side checks the same rules again on what it sends; this list follows every edit.
 */
export function Checklist({ id, houseProfile, problems }: Props) {
  return (
    <>
      {houseProfile.profile === null ? (
        <p id={id} className="readiness" role="status">
          Checking the house rules…
        </p>
      ) : (
        problems.length > 0 && (
          <div className="readiness">
            <p id={id} className="readiness-title">
              Publishing waits until these are fixed:
            </p>
            <ul aria-label="Before publishing">
              {problems.map((problem) => (
                <li key={`${problem.field}-${problem.kind}`}>{problem.message}</li>
              ))}
            </ul>
          </div>
        )
      )}
      {houseProfile.kind === 'failed' && (
        <p role="alert" className="error-text readiness">
          {houseProfile.message}
        </p>
      )}
    </>
  );
}
