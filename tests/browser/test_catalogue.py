"""Staff log in through the form and read the service catalogue."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from backoffice.auth.models import Role
from tests.browser.conftest import login_through_form
from tests.conftest import PASSWORD

JAMKESDA = "Rekomendasi Jaminan Kesehatan Daerah (JAMKESDA)"


def test_login_and_open_service_catalogue(make_user, new_context):
    admin = make_user(Role.ADMIN, full_name="Admin Dinsos")
    page = new_context().new_page()

    login_through_form(page, admin.username, PASSWORD)
    expect(page.get_by_role("heading", name="Selamat datang")).to_contain_text(
        "Admin Dinsos")
    expect(page.get_by_test_id("current-user")).to_contain_text("Admin Dinsos")

    page.get_by_role("link", name="Katalog").click()
    page.get_by_role("link", name="Layanan", exact=True).click()
    expect(page).to_have_url("/service/")
    row = page.get_by_role("row").filter(has_text=JAMKESDA)
    expect(row).to_be_visible()

    row.locator("a[href*='/service/details/']").click()
    expect(page).to_have_url(re.compile(r"/service/details/\?id=\d+"))
    expect(page.get_by_text(JAMKESDA)).to_be_visible()
    requirements = page.get_by_test_id("requirements")
    expect(requirements.get_by_role("cell", name="Fotokopi KTP", exact=True)).to_be_visible()
    expect(requirements).to_contain_text("Surat Keterangan Tidak Mampu (SKTM)")
    expect(page.get_by_role("heading", name="Tahapan")).to_be_visible()
    expect(page.get_by_test_id("steps")).to_contain_text("RS Petala Bumi")
