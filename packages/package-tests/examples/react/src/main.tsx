import '@loket/components/components/loket-service-finder.js';
import '@loket/components/components/loket-application-form.js';
import type { LoketApplyDetail } from '@loket/components';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

// The API's address comes from the page (the test serves it), as a CMS template would write it.
const api = document.documentElement.dataset.api ?? '';

function App() {
  const [applied, setApplied] = useState<LoketApplyDetail | null>(null);
  const [steps, setSteps] = useState<string[]>([]);
  return (
    <main>
      <h1>Layanan Kota Surabaya (React)</h1>
      <loket-service-finder
        apiBase={api}
        region="35.78"
        service="ktp-el-hilang"
        noHistory
        onloketApply={(event) => {
          event.preventDefault(); // open our own form instead of following apply-href
          setApplied(event.detail);
        }}
      />
      <p>
        Dipilih: <output id="applied">{applied ? `${applied.service} di ${applied.region}` : '-'}</output>
      </p>
      {applied && (
        <loket-application-form
          apiBase={api}
          region={applied.region ?? undefined}
          service={applied.service}
          onloketStepChange={(event) => setSteps((s) => [...s, event.detail.place])}
        />
      )}
      <p>
        Langkah: <output id="steps">{steps.join(' ')}</output>
      </p>
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
