import type { EditorState } from 'lexical';
import type { EditorStateJson } from '../../shared/model/article';

/**
 * The saved form of an editor state. A committed Lexical state never changes, so its JSON is
 * built at most once, and only when someone needs it (a save), not on every keystroke.
 */
const cache = new WeakMap<EditorState, EditorStateJson>();

export function bodyJsonOf(state: EditorState): EditorStateJson {
  let json = cache.get(state);
  if (!json) {
    // SerializedEditorState types `root.type` as string; the root is always 'root'.
    json = state.toJSON() as unknown as EditorStateJson;
    cache.set(state, json);
  }
  return json;
}
