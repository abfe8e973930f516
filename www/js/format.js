// Number formatting shared by every screen. Pure functions; "—" stands for "not defined".

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1200 → "1,200". */
export function formatInteger(value) {
  return Number.isFinite(value) ? integerFormat.format(value) : '—';
}

/** 0.9764 → "97.6%" (digits = 1) or "98%" (digits = 0); null, NaN → "—". */
export function formatPercent(share, digits = 1) {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(digits)}%`;
}

/** A loss to 3 decimals, "∞" when it overflowed, "—" when not defined. */
export function formatLoss(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return '∞';
  return value.toFixed(3);
}
