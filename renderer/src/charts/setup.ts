import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartOptions,
  type Scale,
} from 'chart.js'
import { formatFlopRate, formatIntensity, formatSeconds } from '../format/quantities'

// Bars for times; a scatter (its roofs drawn with `showLine`, which needs LineElement) on log axes;
// lines for the serving CDF and time series.
Chart.register(
  BarController,
  LineController,
  BarElement,
  CategoryScale,
  LinearScale,
  ScatterController,
  PointElement,
  LineElement,
  LogarithmicScale,
  Legend,
  Tooltip,
)

/** Options shared by the bar charts whose values are seconds. */
export function secondsBarOptions(stacked: boolean, axisTitle = 'time'): ChartOptions<'bar'> {
  return {
    animation: false, // draw at once: e2e reads the canvas right after the data arrives
    responsive: true,
    maintainAspectRatio: false, // the wrapper div sets the height
    scales: {
      x: { stacked },
      y: {
        stacked,
        beginAtZero: true,
        title: { display: true, text: axisTitle },
        ticks: { callback: (value) => formatSeconds(Number(value)) },
      },
    },
    plugins: {
      legend: { position: 'bottom' },
      tooltip: {
        callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${formatSeconds(Number(item.parsed.y))}` },
      },
    },
  }
}

/** Labels only the powers of ten of a log axis; the ticks between keep their grid lines. */
export function powerOfTen(format: (value: number) => string) {
  return (value: number | string): string => {
    const exponent = Math.log10(Number(value))
    return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? format(Number(value)) : ''
  }
}

/** Widens a log axis to whole decades, so both of its ends carry a label. */
export function wholeDecades(scale: Scale): void {
  if (!(scale.min > 0) || !(scale.max > 0)) return
  scale.min = 10 ** Math.floor(Math.log10(scale.min))
  scale.max = 10 ** Math.ceil(Math.log10(scale.max))
}

/** The roofline: log-log, intensity against attained FLOP/s of one chip. */
export function rooflineOptions(): ChartOptions<'scatter'> {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    scales: {
      x: {
        type: 'logarithmic',
        title: { display: true, text: 'operational intensity (FLOP/byte)' },
        afterDataLimits: wholeDecades,
        ticks: { callback: powerOfTen(formatIntensity), maxRotation: 0 },
      },
      y: {
        type: 'logarithmic',
        title: { display: true, text: 'attained FLOP/s per chip' },
        afterDataLimits: wholeDecades,
        ticks: { callback: powerOfTen(formatFlopRate) },
      },
    },
    plugins: {
      // Each dataset's own point style in the legend: dots for operators, a line for roofs.
      legend: { position: 'bottom', labels: { usePointStyle: true, boxHeight: 8 } },
      tooltip: {
        callbacks: {
          label: (item) => {
            const point = item.raw as { x: number; y: number; operator?: string }
            const where = `${formatIntensity(point.x)}, ${formatFlopRate(point.y)}`
            return `${item.dataset.label ?? ''}${point.operator ? ` · ${point.operator}` : ''}: ${where}`
          },
        },
      },
    },
  }
}
