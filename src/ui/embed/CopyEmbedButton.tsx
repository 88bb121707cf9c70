// "Copy embed code": an <iframe> snippet of exactly this view for a slide deck, a course page or a
// notebook (docs/embedding.md has the recipes).

import { store } from '../../state/store';
import { CopyButton } from '../CopyButton';
import { settingsLine } from '../export/exportCaption';
import { embedLink, iframeSnippet } from './embedSnippet';

function currentSnippet(): string {
  const { config, view, compare } = store.getState();
  return iframeSnippet(
    embedLink(window.location.href, config, view, compare.pins),
    `Initscope: ${settingsLine(config)}`,
  );
}

export function CopyEmbedButton() {
  return (
    <CopyButton
      getText={currentSnippet}
      label="Copy embed code"
      doneLabel="Embed code copied"
      fallbackLabel="Embed code for this view"
      className="button-quiet"
      title="Copy an <iframe> that shows this chart in a slide, course page or notebook"
    />
  );
}
