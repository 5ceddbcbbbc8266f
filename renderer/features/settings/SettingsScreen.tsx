import { DraftsFolderSection } from './DraftsFolderSection';
import { UserSection } from '../review/user/UserSection';
import { HouseRulesForm } from './HouseRulesForm';
import { ProfilesSection } from './profiles/ProfilesSection';
import { TemplatesSection } from '../templates/TemplatesSection';

/**
 * Settings: where the desk publishes (CMS profiles) and its house rules. Each section loads and
 * saves on its own, so a failure in one never blocks the other.
 */
export function SettingsScreen({ onBack, backLabel = 'Back to drafts' }: { onBack: () => void; backLabel?: string }) {
  return (
    <>
      <header className="app-header">
        <button type="button" onClick={onBack}>
          {backLabel}
        </button>
        <h1 className="app-title" tabIndex={-1}>
          Settings
        </h1>
      </header>
      <main className="screen settings">
        <UserSection />
        <ProfilesSection />
        <HouseRulesForm />
        <TemplatesSection />
        <DraftsFolderSection />
      </main>
    </>
  );
}
