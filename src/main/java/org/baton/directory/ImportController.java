package org.baton.directory;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;
import org.baton.platform.Htmx;
import org.baton.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's CSV import: upload, then watch its progress and read its result. */
@Controller
@RequestMapping("/admin/import")
class ImportController {

  private final PeopleImport peopleImport;

  ImportController(PeopleImport peopleImport) {
    this.peopleImport = peopleImport;
  }

  @GetMapping
  String form(Model model) {
    model.addAttribute("columns", ImportFilePolicy.COLUMNS);
    return "directory/import";
  }

  @PostMapping
  String upload(
      @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    if (file == null || file.isEmpty()) {
      redirect.addFlashAttribute(
          "errors", java.util.Map.of("file", "Choose a CSV file to import."));
      return "redirect:/admin/import";
    }
    if (file.getSize() > PeopleImport.MAX_BYTES) {
      redirect.addFlashAttribute("errors", java.util.Map.of("file", PeopleImport.TOO_LARGE));
      return "redirect:/admin/import";
    }
    ImportJob job = peopleImport.start(file.getOriginalFilename(), file.getBytes());
    return "redirect:/admin/import/" + job.id();
  }

  /** The job page; while it runs, htmx polls this handler for the progress fragment. */
  @GetMapping("/{id}")
  String job(@PathVariable UUID id, HttpServletRequest request, Model model) {
    ImportJob job =
        peopleImport.job(id).orElseThrow(() -> new NotFoundException("No such import."));
    model.addAttribute("job", job);
    return Htmx.view(request, "directory/import-job", "progress");
  }
}
