// Things the app changed or could not do on the person's behalf (a clamped link value, a
// restarted worker), each dismissible. Polite: announced without interrupting.

import { NoticeItem } from './NoticeItem';
import { useApp } from '../state/store';

export function NoticeBar() {
  const notices = useApp((s) => s.notices);
  return (
    <div className="notice-bar" role="status" aria-live="polite">
      {notices.length > 0 && (
        <ul className="notices">
          {notices.map((n) => (
            <NoticeItem key={n.id} notice={n} />
          ))}
        </ul>
      )}
    </div>
  );
}
