import { toString as qrSvg } from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The join link as a QR code, drawn here (no network): members with a camera read it instead of typing. */
export function JoinQrCode({ link }: { link: string }) {
  const { t } = useTranslation('room');
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    qrSvg(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then(
      (svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [link]);
  if (!src) return null;
  return <img className="ns-room-qr" src={src} alt={t('console.qr')} width={148} height={148} />;
}
