/*
 * The "checklist" Stimulus controller of core.widgets.ChecklistWidget, in Wagtail's own
 * Stimulus app (and of ChoiceListWidget, its radio buttons): a filter box over a long list of
 * checkboxes, and the list of the chosen ones.
 *
 * Typing hides the boxes whose label does not contain the text (ignoring case and accents:
 * "cote" finds "Côte d'Ivoire"); hidden inputs keep their state and are submitted as they are.
 * Enter in the filter box does not submit the page; Escape empties it.
 */
(() => {
  const { Controller } = window.StimulusModule;

  // Lower case, without accents, for comparing.
  const fold = (text) =>
    text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

  const fill = (template, values) =>
    template.replace(/%\((\w+)\)s/g, (match, key) => (key in values ? values[key] : match));

  class ChecklistController extends Controller {
    static targets = ['search', 'filter', 'status', 'summary', 'option'];

    static values = {
      filterFrom: Number,
      chosen: String,
      none: String,
      shown: String,
      noMatch: String,
    };

    connect() {
      if (this.hasSearchTarget && this.optionTargets.length > this.filterFromValue) {
        this.searchTarget.hidden = false;
      }
      this.filter();
      this.update();
    }

    label(option) {
      return option.querySelector('label').textContent.trim();
    }

    filter() {
      if (!this.hasFilterTarget) return;
      const typed = this.filterTarget.value;
      const wanted = fold(typed);
      let shown = 0;
      this.optionTargets.forEach((option) => {
        const match = fold(this.label(option)).includes(wanted);
        option.hidden = !match;
        if (match) shown += 1;
      });
      const total = this.optionTargets.length;
      let status = '';
      if (wanted && !shown) {
        status = fill(this.noMatchValue, { filter: typed.trim() });
      } else if (wanted) {
        status = fill(this.shownValue, { shown, total });
      }
      this.statusTarget.textContent = status;
    }

    update() {
      const chosen = this.optionTargets
        // A choice of nothing (a radio list's "None", the empty value) is not one of them.
        .filter((option) => {
          const input = option.querySelector('input');
          return input.checked && input.value !== '';
        })
        .map((option) => this.label(option));
      this.summaryTarget.textContent = chosen.length
        ? fill(this.chosenValue, { count: chosen.length, names: chosen.join(', ') })
        : this.noneValue;
    }

    stay(event) {
      // Enter would submit the page form (Save draft).
      event.preventDefault();
    }

    clear(event) {
      if (this.filterTarget.value) {
        event.preventDefault();
        this.filterTarget.value = '';
        this.filter();
      }
    }
  }

  window.wagtail.app.register('checklist', ChecklistController);
})();
