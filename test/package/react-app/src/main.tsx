// The test app's entry: renders the README's <Checkout> for the session in ?client_secret=.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Checkout } from './Checkout';

const clientSecret = new URLSearchParams(location.search).get('client_secret') ?? '';
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Checkout clientSecret={clientSecret} />
  </StrictMode>,
);
