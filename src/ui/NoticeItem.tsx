// One notice with its Dismiss button, as the page's notice bar and an embed's notice line list it.

import { dismissNotice } from '../state/actions';
import type { Notice } from '../state/store';

export function NoticeItem({ notice }: { notice: Notice }) {
  return (
    <li className={`notice notice-${notice.tone}`}>
      <span className="notice-text">{notice.text}</span>
      <button
        type="button"
        className="button-quiet"
        aria-label={`Dismiss: ${notice.text}`}
        onClick={() => dismissNotice(notice.id)}
      >
        Dismiss
      </button>
    </li>
  );
}
