/** The longest side a photo of a document keeps: print stays legible, the upload stays small. */
export const maxImageSide = 1600;
export const jpegQuality = 0.8;

const reencodable = /^image\/(jpeg|png|webp|bmp|gif)$/;

function loadImage(file: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(file);
  const image = new Image();
  return new Promise<HTMLImageElement>((resolve, reject) => {
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('image could not be decoded'));
    image.src = url;
  }).finally(() => URL.revokeObjectURL(url));
}

const jpegName = (name: string) => `${name.replace(/\.[^./\\]{1,5}$/, '') || 'photo'}.jpg`;

/**
 * A phone photo re-encoded on the phone before it is uploaded: at most {@link maxImageSide} px on its longest side,
 * JPEG at quality 0.8, on white (a transparent PNG would turn black). The browser applies the EXIF orientation when
 * it decodes, so the picture stays upright. PDFs, and images the browser cannot decode (HEIC on some phones), go
 * as they are (the server says what it accepts); so does an image the re-encode would only make bigger.
 */
export async function compressImage(file: File): Promise<File> {
  if (!reencodable.test(file.type)) return file;
  let image: HTMLImageElement;
  try {
    image = await loadImage(file);
  } catch {
    return file;
  }
  const scale = Math.min(1, maxImageSide / Math.max(image.naturalWidth, image.naturalHeight));
  const width = Math.max(1, Math.round(image.naturalWidth * scale));
  const height = Math.max(1, Math.round(image.naturalHeight * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return file;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', jpegQuality));
  canvas.width = 0;
  canvas.height = 0;
  if (!blob) return file;
  if (scale === 1 && blob.size >= file.size && file.type !== 'image/bmp' && file.type !== 'image/gif') return file;
  return new File([blob], jpegName(file.name), { type: 'image/jpeg', lastModified: Date.now() });
}
