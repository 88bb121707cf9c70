// Everything under the signal chart: the theory card, correlations, distributions, the formula and
// the table. One module, loaded as a chunk of its own (see BelowFold.tsx).

import { CorrelationChart } from '../charts/CorrelationChart';
import { Distributions } from '../charts/Distributions';
import { FormulaCard } from './FormulaCard';
import { LayerTable } from './LayerTable';
import { JacobianPanel } from './panels/JacobianPanel';
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
        <CorrelationChart />
      </div>
      <div className="card">
        <Distributions />
      </div>
      <JacobianPanel />
      <FormulaCard />
      <LayerTable />
    </>
  );
}
