/*
 * The page editor's half of the save guard (zoneportal/core/admin_views.py).
 *
 * 1. Wagtail's autosave remembers the revision it saved only for its own
 *    requests; a deliberate 保存草稿 would still name the revision the page
 *    was opened at and look stale, refused as if someone else had saved.
 *    After each autosave, the revision goes into the form as
 *    `overwrite_revision_id`, so the deliberate save builds on (and replaces)
 *    this window's own autosave.
 * 2. Wagtail's editing-session ping reports a newer revision saved elsewhere
 *    and then asks before a save ("save anyway?"). When the editor confirms,
 *    the form names the revision they chose to replace, and the server lets
 *    that save through; a revision saved after the question is still refused.
 *
 * Listeners run in the capture phase: before Wagtail's own handlers re-read
 * the form (w-unsaved) or submit it (the dialog's confirm).
 */
(() => {
  // Pages only: the server half of the guard is the page edit view.
  const FORM = 'form#page-edit-form';
  let newerRevisionId = null;

  function setHidden(form, name, value) {
    let input = form.querySelector(`input[type="hidden"][name="${name}"]`);
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      form.prepend(input);
    }
    input.value = `${value}`;
  }

  document.addEventListener(
    'w-autosave:success',
    (event) => {
      const form = event.target.closest && event.target.closest(FORM);
      const revisionId = event.detail && event.detail.response && event.detail.response.revision_id;
      if (form && revisionId) setHidden(form, 'overwrite_revision_id', revisionId);
    },
    true,
  );

  // The ping's answer (w-swap:json from the editing-sessions module) lists the
  // other sessions; the one holding a newer revision carries its id.
  document.addEventListener(
    'w-swap:json',
    (event) => {
      const sessions = event.detail && event.detail.data && event.detail.data.other_sessions;
      if (!Array.isArray(sessions)) return;
      const newer = sessions.find((session) => session.revision_id);
      newerRevisionId = newer ? newer.revision_id : null;
    },
    true,
  );

  document.addEventListener(
    'w-dialog:confirmed',
    (event) => {
      if (!event.target || event.target.id !== 'w-save-confirmation-dialog') return;
      const form = document.querySelector(FORM);
      if (form && newerRevisionId) {
        setHidden(form, 'confirmed_overwrite_revision_id', newerRevisionId);
      }
    },
    true,
  );
})();
