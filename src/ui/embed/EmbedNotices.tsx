// What the link could not use, in an embed: one short line that opens to the full notices, so a
// frame of 320×180 keeps its chart and a mistyped key is still said, not swallowed.

import { NoticeItem } from '../NoticeItem';
import { useApp } from '../../state/store';

export function EmbedNotices() {
  const notices = useApp((s) => s.notices);
  return (
    <div className="embed-notices" role="status" aria-live="polite">
      {notices.length > 0 && (
        <details>
          <summary>
            <span aria-hidden="true">⚠ </span>
            {notices.length === 1 ? '1 notice' : `${notices.length} notices`}
          </summary>
          <ul className="embed-notice-list">
            {notices.map((n) => (
              <NoticeItem key={n.id} notice={n} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
