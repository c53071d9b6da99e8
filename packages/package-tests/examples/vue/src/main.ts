import '@loket/components/components/loket-service-finder.js';
import '@loket/components/components/loket-application-form.js';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
