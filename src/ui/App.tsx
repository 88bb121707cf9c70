export function App() {
  return (
    <main>
      <h1>Initscope</h1>
      <p>Signal propagation through deep networks at initialization.</p>
    </main>
  );
}
