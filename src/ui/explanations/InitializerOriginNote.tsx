// Under the initializer's own note in the formula card: what the rule assumes and where to read
// about it.

import { initializerOrigin } from './initializerOrigins';
import './explanations.css';

export function InitializerOriginNote({ id }: { id: string }) {
  const origin = initializerOrigin(id);
  if (!origin) return null;
  return (
    <div className="initializer-origin">
      <p className="note">
        <strong>Background:</strong> {origin.assumes}
      </p>
      <p className="note">
        <strong>{origin.sources.length === 1 ? 'Source:' : 'Sources:'}</strong>
      </p>
      <ul className="origin-sources">
        {origin.sources.map((source) => (
          <li key={source}>{source}</li>
        ))}
      </ul>
    </div>
  );
}
