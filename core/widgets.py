"""Admin form widgets."""

from django import forms
from django.utils.translation import gettext_lazy as _


class _FilteredChoicesMixin:
    """A list of choices that editors can narrow by typing, with what is chosen summarised
    above it and listed first in it (the template and the ``checklist`` Stimulus controller,
    ``static/editors/checklist.js``): without JavaScript a plain list in a scrolling box; the
    controller shows a filter box above it once there are more than ``filter_from`` choices,
    hides the choices whose label does not contain what is typed (ignoring case and accents)
    and keeps the summary up to date. Hidden choices keep their state and are submitted as
    they are."""

    template_name = "core/widgets/checklist.html"
    # The role of the list of inputs, which the field's label names.
    group_role = "group"
    # What is chosen, above the list.
    chosen_text = _("Chosen (%(count)s): %(names)s")

    class Media:
        js = ["editors/checklist.js"]
        css = {"all": ["editors/checklist.css"]}

    def __init__(self, attrs=None, choices=(), filter_from=10):
        super().__init__(attrs, choices)
        self.filter_from = filter_from

    def id_for_label(self, id_, index=None):
        """The field's label names the filter box (the inputs are a group that the label names
        too, ``aria-labelledby`` in the template)."""
        if index is None:
            return f"{id_}-filter" if id_ else ""
        return super().id_for_label(id_, index)

    def optgroups(self, name, value, attrs=None):
        """The chosen options first, each keeping its own ``id``: what an edit form holds is
        seen at once, without scrolling."""
        groups = super().optgroups(name, value, attrs)
        return sorted(groups, key=lambda group: not any(o["selected"] for o in group[1]))

    def get_context(self, name, value, attrs):
        attrs = dict(attrs or {})
        # The help text describes the filter box, which the label names, not each input.
        described_by = attrs.pop("aria-describedby", "")
        context = super().get_context(name, value, attrs)
        groups = context["widget"]["optgroups"]
        options = [option for _name, group, _index in groups for option in group]
        # A choice of nothing ("None", the empty value) is not one of the chosen.
        chosen = [
            str(option["label"]) for option in options if option["selected"] and option["value"]
        ]
        # The texts the controller fills in too, in the editor's language.
        texts = {
            "chosen": self.chosen_text,
            "none": _("None chosen."),
            "shown": _("Shown: %(shown)s of %(total)s."),
            "no-match": _("Nothing in the list contains “%(filter)s”."),
        }
        summary = texts["none"]
        if chosen:
            summary = texts["chosen"] % {"count": len(chosen), "names": ", ".join(chosen)}
        context["widget"].update(
            described_by=described_by,
            filter_from=self.filter_from,
            group_role=self.group_role,
            summary=summary,
            texts=texts,
        )
        return context


class ChecklistWidget(_FilteredChoicesMixin, forms.CheckboxSelectMultiple):
    """A long list of checkboxes (the countries and regions an update concerns, its topics) that
    editors can narrow by typing, with what is chosen listed above it and first in it.

    Chosen over Wagtail's other ways of choosing several snippets:

    - A ``<select multiple>`` (the default) loses every other choice on a click without Ctrl.
    - Wagtail 8 has no multiple chooser widget for a many-to-many field: its searchable modal
      (``MultipleChooserPanel``) edits an ``InlinePanel`` of an orderable through-model, which
      would replace ``UpdatePage.countries`` (the listing filters, the search tags, the demo
      loader and benchmark, the tests) and need a data migration, to order places that have no
      order. ``wagtail.admin.widgets.FilteredSelect`` is a single select filtered by another
      field.

    A checkbox is ticked and unticked on its own, so no click clears the others.
    """


class ChoiceListWidget(_FilteredChoicesMixin, forms.RadioSelect):
    """One choice among many (a story's country or region) as radio buttons that a filter box
    narrows, like ``ChecklistWidget``. Unlike Wagtail's snippet chooser, it lists only what the
    form accepts: the chooser lists every language's places, and the form refuses those in
    another language than the page's."""

    group_role = "radiogroup"
    chosen_text = _("Chosen: %(names)s")
