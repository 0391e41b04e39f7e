import { Checkout } from './checkout';

export default function Home() {
  return (
    <main>
      <h1>Acme Store</h1>
      <Checkout />
    </main>
  );
}
