// The page: header (name, tagline, link, presets), settings on the left, and on the right what
// the settings do — the signal chart first, then distributions, the formula and the numbers.

import { ActivationSelect } from './controls/ActivationSelect';
import { ArchitectureControls } from './controls/ArchitectureControls';
import { BatchControl } from './controls/BatchControl';
import { CompareBar } from './compare/CompareBar';
import { BelowFold } from './BelowFold';
import { BiasControl } from './controls/BiasControl';
import { DepthControl } from './controls/DepthControl';
import { EmbedView } from './embed/EmbedView';
import { InitializerSelect } from './controls/InitializerSelect';
import { SeedControl } from './controls/SeedControl';
import { WidthControl } from './controls/WidthControl';
import { CodeExport } from './export/CodeExport';
import { ExportBar } from './export/ExportBar';
import { ResultsBar } from './results/ResultsBar';
import { HeaderTools } from './HeaderTools';
import { LectureTools } from './LectureTools';
import { NoticeBar } from './NoticeBar';
import { SignalPanel } from './panels/SignalPanel';
import { PresetGallery } from './PresetGallery';
import { PresetLesson } from './PresetLesson';
import { PresentationView } from './presentation/PresentationView';
import { PrintLink } from './print/PrintLink';
import { SeedBandBar } from './SeedBandBar';
import { StatusLine } from './StatusLine';
import { useApp } from '../state/store';
import { useHostMessages } from './host/useHostMessages';
import './styles.css';
import './print/print.css';

function Settings() {
  return (
    <aside className="sidebar" aria-label="Settings">
      <section className="card controls" aria-labelledby="network-title">
        <h2 id="network-title">Network</h2>
        <InitializerSelect />
        <ActivationSelect />
        <DepthControl />
        <WidthControl />
      </section>
      <ArchitectureControls />
      <section className="card controls" aria-labelledby="sampling-title">
        <h2 id="sampling-title">Sampling</h2>
        <BatchControl />
        <SeedControl />
        <BiasControl />
      </section>
    </aside>
  );
}

export function App() {
  const presenting = useApp((s) => s.view.presenting);
  // An embed is someone else's page: no shortcuts (its keys are the slides'), no tour.
  const embedded = useApp((s) => s.view.embed);
  useHostMessages();
  if (embedded) return <EmbedView />;
  return (
    <>
      {presenting ? <PresentationView /> : <Workbench />}
      <LectureTools />
    </>
  );
}

/** The normal view: every setting, every chart. */
function Workbench() {
  return (
    <div className="app">
      <PrintLink />
      <header className="app-header">
        <div className="brand">
          <h1>Initscope</h1>
          <p className="tagline">
            Watch a signal vanish, explode or stay stable through a deep network at initialization.
          </p>
        </div>
        <HeaderTools />
      </header>
      <PresetGallery />
      <NoticeBar />
      <div className="layout">
        <Settings />
        <main className="main">
          <PresetLesson />
          <div className="card chart-card">
            <SignalPanel />
            <StatusLine />
            <CompareBar />
            <ResultsBar />
            <SeedBandBar />
            <ExportBar />
            <CodeExport />
          </div>
          <BelowFold />
        </main>
      </div>
    </div>
  );
}
