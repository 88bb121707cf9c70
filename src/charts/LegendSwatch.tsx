// A legend's sample of a curve: its colour, its dash pattern and, when it has one, its marker.

export interface LegendSwatchProps {
  colour: string;
  dash?: string;
  marker?: boolean;
}

export function LegendSwatch({ colour, dash, marker = false }: LegendSwatchProps) {
  return (
    <svg width="28" height="10" aria-hidden="true">
      <line x1="0" x2="28" y1="5" y2="5" stroke={colour} strokeWidth={2} strokeDasharray={dash || undefined} />
      {marker && <circle cx="14" cy="5" r="2.5" fill={colour} />}
    </svg>
  );
}
