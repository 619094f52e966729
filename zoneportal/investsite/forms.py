"""The inquiry form of the 招商网's contact page: labels and messages in the page's language (gettext)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import InvestorLead


class InquiryForm(forms.ModelForm):
    """Name, company, country, e-mail or phone (one is enough), industry, planned investment, message."""

    class Meta:
        model = InvestorLead
        fields = ["name", "company", "country", "email", "phone", "industry", "planned_investment", "message"]
        widgets = {
            "message": forms.Textarea(attrs={"rows": 6}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "company": forms.TextInput(attrs={"autocomplete": "organization"}),
            "country": forms.TextInput(attrs={"autocomplete": "country-name"}),
        }

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and "email" not in self.errors:
            self.add_error("email", _("请填写电子邮箱或电话，以便我们联系您。"))
        return cleaned
