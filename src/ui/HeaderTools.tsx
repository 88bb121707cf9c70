// The header's tools for teaching: the tour, the theme and presentation mode.

import { PresentButton } from './presentation/PresentButton';
import { ThemeSelect } from './theme/ThemeSelect';
import { TourButton } from './tour/TourButton';

export function HeaderTools() {
  return (
    <div className="header-tools">
      <TourButton />
      <ThemeSelect />
      <PresentButton />
    </div>
  );
}
