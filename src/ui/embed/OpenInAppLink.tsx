// "Open in Initscope": the same view in the full app, in a new tab (an embed's frame is too small
// to explore in). The link drops only what makes a page an embed; a quiz stays a quiz.

import { DEFAULT_EMBED_VIEW } from '../../state/embedFields';
import { useApp, type ViewSettings } from '../../state/store';
import { encodeQuery } from '../../state/url';

/** The view of the full app that shows what this embed shows. */
export function unembedded(view: ViewSettings): ViewSettings {
  const { embed, panel, controls, origin } = DEFAULT_EMBED_VIEW;
  return { ...view, embed, panel, controls, origin };
}

export function OpenInAppLink() {
  const config = useApp((s) => s.config);
  const view = useApp((s) => s.view);
  const pins = useApp((s) => s.compare.pins);
  const url = new URL(window.location.href);
  url.search = encodeQuery(config, unembedded(view), pins);
  url.hash = '';
  return (
    <a className="embed-open" href={url.href} target="_blank" rel="noopener noreferrer">
      Open in Initscope<span aria-hidden="true"> ↗</span>
      <span className="visually-hidden"> (new tab)</span>
    </a>
  );
}
