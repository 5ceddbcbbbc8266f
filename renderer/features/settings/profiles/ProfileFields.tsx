import { useId, type ReactNode } from 'react';
import { HttpAuthKindSchema } from '../../../../shared/model/cms-profiles';
import {
  AUTH_LABELS,
  fieldsOf,
  SECRET_LABELS,
  URL_LABELS,
  type ProfileField,
  type ProfileFormValues,
} from './profile-form';

interface Props {
  values: ProfileFormValues;
  problem: { field: ProfileField; message: string } | null;
  /** A secret is stored for this profile: an empty secret field keeps it. */
  hasSecret: boolean;
  onChange: (change: Partial<ProfileFormValues>) => void;
}

/** The fields of one kind of profile, each labelled, and marked invalid with its message when wrong. */
export function ProfileFields({ values, problem, hasSecret, onChange }: Props) {
  const base = useId();
  const idOf = (field: ProfileField) => `${base}-${field}`;
  const kind = values.kind;

  /** One labelled field; the problem (or a hint) is tied to the control so a screen reader says it. */
  const field = (name: ProfileField, label: string, control: (aria: AriaProps) => ReactNode, hint?: string) => {
    const invalid = problem?.field === name;
    const noteId = `${idOf(name)}-note`;
    const note = invalid ? problem.message : hint;
    const aria: AriaProps = {
      id: idOf(name),
      'data-field': name,
      'aria-invalid': invalid || undefined,
      'aria-describedby': note ? noteId : undefined,
    };
    return (
      <div className="field" key={name}>
        <label htmlFor={idOf(name)}>{label}</label>
        {control(aria)}
        {note && (
          <p id={noteId} className={invalid ? 'error-text field-problem' : 'note'}>
            {note}
          </p>
        )}
      </div>
    );
  };

  const text = (name: 'name' | 'url' | 'username' | 'folder', label: string, extra: Partial<TextProps> = {}) =>
    field(name, label, (aria) => (
      <input
        {...aria}
        type="text"
        spellCheck={false}
        {...extra}
        value={values[name]}
        onChange={(event) => onChange({ [name]: event.target.value })}
      />
    ));

  return (
    <>
      {fieldsOf(kind).map((name) => {
        switch (name) {
          case 'name':
            return text('name', 'Profile name', { spellCheck: true });
          case 'url':
            return kind === 'folder'
              ? null
              : text('url', URL_LABELS[kind], { type: 'url', inputMode: 'url', placeholder: 'https://example.com' });
          case 'username':
            return text('username', 'User name', { autoComplete: 'username' });
          case 'folder':
            return field(
              'folder',
              'Folder',
              (aria) => (
                <input
                  {...aria}
                  type="text"
                  spellCheck={false}
                  value={values.folder}
                  onChange={(event) => onChange({ folder: event.target.value })}
                />
              ),
              'The full path of the folder on this computer, such as /Users/desk/Published.',
            );
          case 'authKind':
            return field('authKind', 'Authentication', (aria) => (
              <select
                {...aria}
                value={values.authKind}
                onChange={(event) => onChange({ authKind: HttpAuthKindSchema.parse(event.target.value) })}
              >
                {HttpAuthKindSchema.options.map((auth) => (
                  <option key={auth} value={auth}>
                    {AUTH_LABELS[auth]}
                  </option>
                ))}
              </select>
            ));
          case 'secret':
            return kind === 'folder'
              ? null
              : field(
                  'secret',
                  SECRET_LABELS[kind],
                  (aria) => (
                    <input
                      {...aria}
                      type="password"
                      autoComplete="new-password"
                      spellCheck={false}
                      value={values.secret}
                      onChange={(event) => onChange({ secret: event.target.value })}
                    />
                  ),
                  hasSecret ? 'Leave empty to keep the stored one.' : undefined,
                );
        }
      })}
    </>
  );
}

interface AriaProps {
  id: string;
  'data-field': ProfileField;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

type TextProps = {
  type: 'text' | 'url';
  inputMode: 'url';
  placeholder: string;
  autoComplete: string;
  spellCheck: boolean;
};
