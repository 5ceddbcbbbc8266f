import type { OutboxJobView } from '../../../shared/model/publishing';

/** Test-only: an outbox job view with plausible defaults; each test states what it cares about. */
let counter = 0;
export function jobView(overrides: Partial<OutboxJobView> = {}): OutboxJobView {
  counter += 1;
  const suffix = String(counter).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${suffix}`,
    draftId: '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f',
    profileId: '11111111-1111-4111-8111-111111111111',
    profileName: 'Desk WordPress',
    action: 'create',
    state: 'pending',
    createdAt: new Date(2026, 2, 12, 9, 0).toISOString(),
    notBefore: new Date(2026, 2, 12, 9, 0).toISOString(),
    attempts: 0,
    outcomeUnknown: false,
    ...overrides,
  };
}
