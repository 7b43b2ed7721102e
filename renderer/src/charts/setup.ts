import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartOptions,
} from 'chart.js'
import { formatSeconds } from '../format/quantities'

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip)

/** Options shared by the bar charts whose values are seconds. */
export function secondsBarOptions(stacked: boolean): ChartOptions<'bar'> {
  return {
    animation: false, // draw at once: e2e reads the canvas right after the data arrives
    responsive: true,
    maintainAspectRatio: false, // the wrapper div sets the height
    scales: {
      x: { stacked },
      y: {
        stacked,
        beginAtZero: true,
        title: { display: true, text: 'time' },
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
