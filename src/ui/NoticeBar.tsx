// Things the app changed or could not do on the person's behalf (a clamped link value, a
// restarted worker), each dismissible. Polite: announced without interrupting.

import { dismissNotice } from '../state/actions';
import { useApp } from '../state/store';

export function NoticeBar() {
  const notices = useApp((s) => s.notices);
  return (
    <div className="notice-bar" role="status" aria-live="polite">
      {notices.length > 0 && (
        <ul className="notices">
          {notices.map((n) => (
            <li key={n.id} className={`notice notice-${n.tone}`}>
              <span className="notice-text">{n.text}</span>
              <button
                type="button"
                className="button-quiet"
                aria-label={`Dismiss: ${n.text}`}
                onClick={() => dismissNotice(n.id)}
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
