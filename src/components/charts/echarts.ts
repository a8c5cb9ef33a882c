// ECharts, tree-shaken: only the chart types, components and renderer the app uses. The legend is
// HTML (ChartLegend.svelte), so the legend component is not bundled.
import * as echarts from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, ScatterChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

export { echarts };
export type { EChartsType } from 'echarts/core';
