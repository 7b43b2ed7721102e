import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { installChartTheme } from './composables/themeChart'
import { createAppRouter } from './router'
import './styles/theme.css'
import './styles/base.css'

installChartTheme()
createApp(App).use(createPinia()).use(createAppRouter()).mount('#app')
