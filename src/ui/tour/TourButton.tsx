// "Help" in the header: opens the guided tour again, from its first step.

import { startTour } from './tourState';

export function TourButton() {
  return (
    <button type="button" className="button-quiet" title="A short tour of the page" onClick={startTour}>
      Help
    </button>
  );
}
