// The header's tools: the tour, the theme, presentation mode and Copy link. Copy link comes last,
// at the right edge, so its fallback panel (shown where copying is blocked) opens on screen.

import { CopyLinkButton } from './CopyLinkButton';
import { PresentButton } from './presentation/PresentButton';
import { ThemeSelect } from './theme/ThemeSelect';
import { TourButton } from './tour/TourButton';

export function HeaderTools() {
  return (
    <div className="header-tools">
      <TourButton />
      <ThemeSelect />
      <PresentButton />
      <CopyLinkButton />
    </div>
  );
}
