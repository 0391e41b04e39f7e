import { mount } from 'svelte';
import 'polar-checkout-element'; // registers <polar-checkout>
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
