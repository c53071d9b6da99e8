/** A small, valid PNG drawn by the browser (the server decides a file's type by its bytes, not its name). */
export async function pngFile(name = 'foto.png', colour = '#0b5cad'): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 8;
  canvas.height = 8;
  const g = canvas.getContext('2d') as CanvasRenderingContext2D;
  g.fillStyle = colour; // another colour, other bytes: another file
  g.fillRect(0, 0, 8, 8);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the canvas made no PNG');
  return new File([blob], name, { type: 'image/png' });
}
