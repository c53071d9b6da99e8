import '@loket/components/components/loket-service-finder.js';
import '@loket/components/components/loket-application-form.js';
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import type {
  LoketApplicationFormCustomEvent,
  LoketApplyDetail,
  LoketServiceFinderCustomEvent,
  LoketStepChangeDetail,
} from '@loket/components';

// Angular binds properties (`[apiBase]`) and events (`(loketApply)`) of custom elements once
// CUSTOM_ELEMENTS_SCHEMA is declared; no wrapper is needed. `$event` is typed by the handler.
@Component({
  selector: 'loket-example',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Layanan Kota Surabaya (Angular)</h1>
      <loket-service-finder [apiBase]="api" region="35.78" service="ktp-el-hilang" [noHistory]="true"
        (loketApply)="onApply($event)"></loket-service-finder>
      <p>Dipilih: <output id="applied">{{ applied() ? applied()!.service + ' di ' + applied()!.region : '-' }}</output></p>
      @if (applied(); as detail) {
        <loket-application-form [apiBase]="api" [region]="detail.region ?? undefined" [service]="detail.service"
          (loketStepChange)="onStep($event)"></loket-application-form>
      }
      <p>Langkah: <output id="steps">{{ steps().join(' ') }}</output></p>
    </main>
  `,
})
class Example {
  readonly api = document.documentElement.dataset.api ?? '';
  readonly applied = signal<LoketApplyDetail | null>(null);
  readonly steps = signal<string[]>([]);

  onApply(event: Event) {
    const apply = event as LoketServiceFinderCustomEvent<LoketApplyDetail>;
    apply.preventDefault(); // open our own form instead of following apply-href
    this.applied.set(apply.detail);
  }

  onStep(event: Event) {
    const step = event as LoketApplicationFormCustomEvent<LoketStepChangeDetail>;
    this.steps.update((s) => [...s, step.detail.place]);
  }
}

bootstrapApplication(Example).catch((error) => console.error(error));
