import { theme } from 'antd';

/** Axis, grid and tooltip colours from antd's tokens, so the charts follow the light and dark themes. */
export function useChartTheme() {
  const { token } = theme.useToken();
  return {
    text: token.colorTextSecondary,
    grid: token.colorBorderSecondary,
    font: token.fontFamily,
    tooltip: {
      contentStyle: {
        background: token.colorBgElevated,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        fontSize: 12,
      },
      labelStyle: { color: token.colorText, fontWeight: 600 },
      itemStyle: { padding: 0 },
    },
  };
}
