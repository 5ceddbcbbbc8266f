import { useState } from 'react';
import { formatList, parseList } from './story-fields';

interface Props {
  id: string;
  describedBy: string;
  items: readonly string[];
  maxItems: number;
  maxLength: number;
  onChange: (items: string[]) => void;
}

/**
 * A comma-separated list in one text input. What the journalist types stays as typed (a trailing
 * "Ana Pérez, " must not lose its comma); the article gets the parsed list on every change.
 */
export function ListInput({ id, describedBy, items, maxItems, maxLength, onChange }: Props) {
  const [text, setText] = useState(() => formatList(items));
  return (
    <input
      id={id}
      type="text"
      aria-describedby={describedBy}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseList(event.target.value, maxItems, maxLength));
      }}
      onBlur={() => setText(formatList(parseList(text, maxItems, maxLength)))}
    />
  );
}
