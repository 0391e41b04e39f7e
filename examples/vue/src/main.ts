import { createApp } from 'vue';
import 'polar-checkout-element'; // registers <polar-checkout>
import App from './App.vue';

createApp(App).mount('#app');
