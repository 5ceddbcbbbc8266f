import { useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
};

/**
 * A text field for a value stored in a node (caption, attribution). It keeps what is typed itself:
 * the node's value comes back only after the editor's update, and a field controlled by it would
 * drop keys typed in between. A change made elsewhere (undo) still shows: when the value it is
 * given changes, the field takes it.
 */
export function EchoInput({ value, onChange, ...rest }: Props) {
  const [text, setText] = useState(value);
  const [given, setGiven] = useState(value);
  if (given !== value) {
    setGiven(value);
    setText(value);
  }
  return (
    <input
      type="text"
      {...rest}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(event.target.value);
      }}
    />
  );
}
