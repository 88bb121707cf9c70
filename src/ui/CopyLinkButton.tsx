// "Copy link": the address of exactly this view (settings and chart options), for sharing.

import { currentLink } from '../state/urlSync';
import { CopyButton } from './CopyButton';

export function CopyLinkButton() {
  return (
    <CopyButton
      getText={currentLink}
      label="Copy link"
      doneLabel="Link copied"
      fallbackLabel="Link to this view"
      title="Copy a link that opens exactly these settings"
      floatingFallback
    />
  );
}
