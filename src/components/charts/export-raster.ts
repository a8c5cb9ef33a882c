// Rasterises an exported SVG figure to PNG in the browser: the SVG is drawn through an <img> (a
// same-origin object URL, so the canvas stays untainted and nothing is fetched) onto a canvas at
// `scale` times its CSS size. Also a text measure from the canvas, so figures wrap their text to the
// fonts the browser really uses.
import { FONT, textWidth, type Measure } from './export-chart.ts';
import { PALETTE } from './palette.ts';

/** Text widths as the canvas draws them in the figures' font; the estimate when no canvas is at hand. */
export function canvasMeasure(): Measure {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx) return textWidth;
  return (text, size, bold) => {
    ctx.font = `${bold ? '700 ' : ''}${size}px ${FONT}`;
    return ctx.measureText(text).width;
  };
}

export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.fillStyle = PALETTE.paper;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
