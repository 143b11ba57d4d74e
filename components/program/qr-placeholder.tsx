const SIZE = 25;

/** Whether module (x, y) belongs to one of the three finder squares, and whether it is dark there. */
function finderModule(x: number, y: number): boolean | null {
  for (const [left, top] of [
    [0, 0],
    [SIZE - 7, 0],
    [0, SIZE - 7],
  ] as const) {
    const dx = x - left;
    const dy = y - top;
    if (dx >= -1 && dx <= 7 && dy >= -1 && dy <= 7) {
      if (dx < 0 || dy < 0 || dx > 6 || dy > 6) return false;
      const ring = Math.min(dx, dy, 6 - dx, 6 - dy);
      return ring !== 1;
    }
  }
  return null;
}

/**
 * Something that looks like a QR code in a card preview (the real one holds
 * the customer's card payload). The same picture on every render: modules
 * come from a small fixed hash, not from randomness.
 */
export function QrPlaceholder({ className = "" }: { className?: string }) {
  const dark: string[] = [];
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const finder = finderModule(x, y);
      const on = finder ?? ((x * 73 + y * 151 + x * y * 17) % 7) % 3 === 0;
      if (on) dark.push(`M${x} ${y}h1v1h-1z`);
    }
  }
  return (
    <svg viewBox={`-2 -2 ${SIZE + 4} ${SIZE + 4}`} className={className} aria-hidden="true" shapeRendering="crispEdges">
      <rect x={-2} y={-2} width={SIZE + 4} height={SIZE + 4} fill="#ffffff" />
      <path d={dark.join("")} fill="#111111" />
    </svg>
  );
}
