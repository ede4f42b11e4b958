import { useTranslation } from 'react-i18next';
import { colorName, palette } from './model/tools.ts';

/** The annotation colours as a radio group, named for screen readers ("Vàng", "Đỏ", …). */
export function ColorSwatches({ value, onChange }: { value: string; onChange(color: string): void }) {
  const { t } = useTranslation('annotations');
  return (
    <div className="ns-annot-swatches" role="radiogroup" aria-label={t('toolbar.color')}>
      {palette.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={value === c}
          aria-label={t(`colors.${colorName(c)}`)}
          className={value === c ? 'ns-annot-swatch ns-annot-swatch-on' : 'ns-annot-swatch'}
          style={{ background: c }}
          onClick={() => onChange(c)}
        />
      ))}
    </div>
  );
}
