// Everything under the signal chart: the theory card, correlations, distributions, the formula and
// the table. One module, loaded as a chunk of its own (see BelowFold.tsx).

import { FormulaCard } from './FormulaCard';
import { LayerTable } from './LayerTable';
import { CorrelationPanel } from './panels/CorrelationPanel';
import { DistributionsPanel } from './panels/DistributionsPanel';
import { JacobianPanel } from './panels/JacobianPanel';
import { WidthSweepPanel } from './panels/WidthSweepPanel';
import { ResidualPanel } from './panels/ResidualPanel';
import { TheorySection } from './TheorySection';
import { TrainingPanel } from './panels/TrainingPanel';

export default function BelowFoldPanels() {
  return (
    <>
      <ResidualPanel />
      <TrainingPanel />
      <TheorySection />
      <div className="card">
        <CorrelationPanel />
      </div>
      <div className="card">
        <DistributionsPanel />
      </div>
      <JacobianPanel />
      <WidthSweepPanel />
      <FormulaCard />
      <LayerTable />
    </>
  );
}
